# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-orthogonal-128.gp` in this folder (reads weights-tanh-orthogonal-128.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-tanh-orthogonal-128.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'tanh orthogonal, 128 layers: the weights of 12 of its 129 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.00656632274389267
set xrange [-0.17965422794222832:0.18149352297186852]
set xtics 0.1
plot 'weights-tanh-orthogonal-128.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.01113180935382843
set xrange [-0.2902779832482338:0.32197153121232985]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.010445095896720887
set xrange [-0.28335163444280625:0.2911286398768425]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 36'
set boxwidth 0.010547375679016114
set xrange [-0.27994251251220703:0.3001631498336792]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 35 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 35 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 48'
set boxwidth 0.011023015081882477
set xrange [-0.27315297797322274:0.3331128515303135]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 47 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 47 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 59'
set boxwidth 0.010924827456474304
set xrange [-0.2879140958189964:0.3129514142870903]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 58 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 58 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 71'
set boxwidth 0.010557267069816589
set xrange [-0.2959568724036217:0.28469281643629074]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 70 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 70 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 82'
set boxwidth 0.010598604679107665
set xrange [-0.29216010570526124:0.2907631516456604]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 81 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 81 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 94'
set boxwidth 0.010699780881404877
set xrange [-0.31426366195082667:0.2742242865264416]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 93 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 93 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 106'
set boxwidth 0.011401455402374267
set xrange [-0.3259160935878754:0.30116395354270936]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 105 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 105 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 117'
set boxwidth 0.0112429678440094
set xrange [-0.30226559937000275:0.3160976320505142]
set xtics 0.2
plot 'weights-tanh-orthogonal-128.dat' index 116 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 116 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 129'
set boxwidth 0.009857281446456909
set xrange [-0.28336732685565946:0.2587831526994705]
set xtics 0.1
plot 'weights-tanh-orthogonal-128.dat' index 128 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 128 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
