# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-orthogonal-32.gp` in this folder (reads weights-relu-orthogonal-32.dat).
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
set output 'weights-relu-orthogonal-32.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'ReLU orthogonal, 32 layers: the weights of 12 of its 33 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.009879349768161773
set xrange [-0.29259356632828715:0.25077067092061045]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.01448605477809906
set xrange [-0.4075644716620445:0.38916854113340377]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.015800572633743286
set xrange [-0.41999250948429107:0.44903898537158965]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.014353776574134827
set xrange [-0.40357577949762347:0.38588193207979204]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.014334716796875
set xrange [-0.3720966041088104:0.41631281971931455]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 16'
set boxwidth 0.014812468886375427
set xrange [-0.4246745392680168:0.39001124948263166]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 15 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 15 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 18'
set boxwidth 0.014392107725143433
set xrange [-0.3942510336637497:0.3973148912191391]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 17 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 17 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 21'
set boxwidth 0.01454822838306427
set xrange [-0.40634774714708327:0.39380481392145156]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 20 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 20 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.014357739686965942
set xrange [-0.40587349236011505:0.3838021904230118]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 27'
set boxwidth 0.01475871741771698
set xrange [-0.392456142604351:0.41927331537008283]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 26 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 26 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 30'
set boxwidth 0.014861620664596557
set xrange [-0.42351201474666594:0.3938771218061447]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 29 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 29 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 33'
set boxwidth 0.011907605528831482
set xrange [-0.34129114001989364:0.31362716406583785]
set xtics 0.2
plot 'weights-relu-orthogonal-32.dat' index 32 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 32 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
