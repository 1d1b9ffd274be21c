# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-gauss-128.gp` in this folder (reads weights-tanh-gauss-128.dat).
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
set output 'weights-tanh-gauss-128.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'tanh Gaussian, 128 layers: the weights of 12 of its 129 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.00663141667842865
set xrange [-0.17480409294366836:0.18992382436990737]
set xtics 0.1
plot 'weights-tanh-gauss-128.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.011034945249557495
set xrange [-0.3012969881296158:0.30562500059604647]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.011164554953575134
set xrange [-0.32006340473890305:0.29398711770772934]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 36'
set boxwidth 0.01104073464870453
set xrange [-0.3042257711291313:0.30301463454961775]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 35 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 35 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 48'
set boxwidth 0.01078972101211548
set xrange [-0.3077510714530945:0.28568358421325685]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 47 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 47 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 59'
set boxwidth 0.010697899460792542
set xrange [-0.30648362189531325:0.2819008484482765]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 58 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 58 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 71'
set boxwidth 0.010479236543178559
set xrange [-0.26459779068827627:0.3117602191865444]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 70 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 70 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 82'
set boxwidth 0.010732027888298034
set xrange [-0.28594981878995895:0.30431171506643295]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 81 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 81 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 94'
set boxwidth 0.01025359332561493
set xrange [-0.29107552021741867:0.27287211269140244]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 93 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 93 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 106'
set boxwidth 0.010426172018051148
set xrange [-0.2960170716047287:0.2774223893880844]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 105 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 105 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 117'
set boxwidth 0.011322153210639953
set xrange [-0.32183426767587664:0.30088415890932085]
set xtics 0.2
plot 'weights-tanh-gauss-128.dat' index 116 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 116 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 129'
set boxwidth 0.009404527246952057
set xrange [-0.2697546906769276:0.24749430790543556]
set xtics 0.1
plot 'weights-tanh-gauss-128.dat' index 128 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 128 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
