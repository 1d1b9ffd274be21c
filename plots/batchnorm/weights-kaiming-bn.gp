# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-kaiming-bn.gp` in this folder (reads weights-kaiming-bn.dat).
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
set output 'weights-kaiming-bn.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'Kaiming normal + BN: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.00965200424194336
set xrange [-0.24880343079566955:0.28205680251121523]
set xtics 0.1
plot 'weights-kaiming-bn.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.018359801173210143
set xrange [-0.4973776265978813:0.5124114379286766]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.020683302879333496
set xrange [-0.5850198626518249:0.5525617957115173]
set xtics 0.5
plot 'weights-kaiming-bn.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.01845721960067749
set xrange [-0.5130996942520142:0.5020473837852478]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.019065500497817994
set xrange [-0.5309705466032029:0.5176319807767868]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.01864889919757843
set xrange [-0.4995737984776497:0.526115657389164]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.019856274724006653
set xrange [-0.48728573471307757:0.6048093751072884]
set xtics 0.5
plot 'weights-kaiming-bn.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
