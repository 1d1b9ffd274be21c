# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-gauss-8.gp` in this folder (reads weights-tanh-gauss-8.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-tanh-gauss-8.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'tanh Gaussian, 8 layers: each layer'."'".'s weights where'."\n".'training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.0067700231075286865
set xrange [-0.18077371120452881:0.19157755970954896]
set xtics 0.1
plot 'weights-tanh-gauss-8.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.01146190583705902
set xrange [-0.3103022679686546:0.3201025530695915]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.011123271584510803
set xrange [-0.3003142073750496:0.3114657297730446]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.011134560704231262
set xrange [-0.29580285102128984:0.3165979877114296]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.010829710960388183
set xrange [-0.3096817433834076:0.2859523594379425]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.010157184600830078
set xrange [-0.286015522480011:0.2726296305656433]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.011853935122489929
set xrange [-0.3421269699931145:0.30983946174383165]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.011527560353279113
set xrange [-0.3291193798184395:0.30489643961191176]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.010433554053306579
set xrange [-0.2673080250620842:0.30653744786977766]
set xtics 0.2
plot 'weights-tanh-gauss-8.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
